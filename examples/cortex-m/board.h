/* Start-up and semihosting for QEMU's mps2-an386: output and exit status reach the host. */
#ifndef AOT_EXAMPLE_BOARD_H_
#define AOT_EXAMPLE_BOARD_H_

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Writes a NUL-terminated string to the host (semihosting SYS_WRITE0). */
void board_print(const char* text);
/** Writes a signed integer in decimal. */
void board_print_int(int32_t value);
/** Ends the program; the host process exits with `status` (SYS_EXIT_EXTENDED). */
void board_exit(int status) __attribute__((noreturn));

#ifdef __cplusplus
}
#endif

#endif
