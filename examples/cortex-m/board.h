/* SPDX-License-Identifier: Apache-2.0 */
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
/** Writes an unsigned integer as 0x and eight hex digits. */
void board_print_hex(uint32_t value);
/** Starts SysTick: SysTick_Handler (define it) runs every `cycles` processor clocks (25 MHz). */
void board_systick_start(uint32_t cycles);
/** Stops SysTick. */
void board_systick_stop(void);
/** Ends the program; the host process exits with `status` (SYS_EXIT_EXTENDED). */
void board_exit(int status) __attribute__((noreturn));

#ifdef __cplusplus
}
#endif

#endif
