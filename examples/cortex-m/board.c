/* SPDX-License-Identifier: Apache-2.0 */
/* Vector table, reset handler, SysTick and semihosting for QEMU's mps2-an386 (Cortex-M4F). */
#include "board.h"

#include <stddef.h>

extern uint32_t _sidata, _sdata, _edata, _sbss, _ebss, _estack;
extern void (*__init_array_start[])(void);
extern void (*__init_array_end[])(void);
int main(void);

static int semihost(int operation, void* argument) {
  register int r0 __asm__("r0") = operation;
  register void* r1 __asm__("r1") = argument;
  __asm__ volatile("bkpt 0xAB" : "+r"(r0) : "r"(r1) : "memory");
  return r0;
}

void board_print(const char* text) { semihost(0x04, (void*)text); }

void board_print_int(int32_t value) {
  char buf[12];
  char* p = buf + sizeof buf;
  uint32_t u = value < 0 ? 0u - (uint32_t)value : (uint32_t)value;
  *--p = '\0';
  do {
    *--p = (char)('0' + u % 10u);
    u /= 10u;
  } while (u != 0u);
  if (value < 0) *--p = '-';
  board_print(p);
}

void board_print_hex(uint32_t value) {
  char buf[11] = "0x";
  for (int i = 0; i < 8; ++i) buf[2 + i] = "0123456789abcdef"[(value >> (28 - 4 * i)) & 0xFu];
  buf[10] = '\0';
  board_print(buf);
}

/* SysTick: CSR, RVR and CVR of the System Control Space. */
#define SYST_CSR (*(volatile uint32_t*)0xE000E010u)
#define SYST_RVR (*(volatile uint32_t*)0xE000E014u)
#define SYST_CVR (*(volatile uint32_t*)0xE000E018u)

void board_systick_start(uint32_t cycles) {
  SYST_RVR = cycles - 1u;
  SYST_CVR = 0u;
  SYST_CSR = 7u; /* processor clock, interrupt, enable */
}

void board_systick_stop(void) { SYST_CSR = 0u; }

void board_exit(int status) {
  /* ADP_Stopped_ApplicationExit with the status as subcode. */
  uint32_t block[2] = {0x20026u, (uint32_t)status};
  semihost(0x20, block);
  for (;;) {
  }
}

void Reset_Handler(void) {
  uint32_t* src = &_sidata;
  for (uint32_t* dst = &_sdata; dst < &_edata;) *dst++ = *src++;
  for (uint32_t* dst = &_sbss; dst < &_ebss;) *dst++ = 0u;
  /* Full access to the FPU (CP10, CP11) before any float instruction. */
  *(volatile uint32_t*)0xE000ED88u |= 0xFu << 20;
  __asm__ volatile("dsb\n isb" ::: "memory");
  for (void (**f)(void) = __init_array_start; f < __init_array_end; ++f) (*f)();
  board_exit(main());
}

static void Fault_Handler(void) {
  board_print("fault\n");
  board_exit(3);
}

/* A firmware that starts the timer defines its own handler; in the others a tick is a fault. */
void SysTick_Handler(void) __attribute__((weak, alias("Fault_Handler")));

__attribute__((section(".isr_vector"), used)) void (*const board_vectors[16])(void) = {
    (void (*)(void))(&_estack),
    Reset_Handler,
    Fault_Handler,
    Fault_Handler,
    Fault_Handler,
    Fault_Handler,
    Fault_Handler,
    NULL,
    NULL,
    NULL,
    NULL,
    Fault_Handler,
    Fault_Handler,
    NULL,
    Fault_Handler,
    SysTick_Handler};
