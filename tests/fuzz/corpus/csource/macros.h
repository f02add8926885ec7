/* Size macros in the spellings a header may use, and a constant pool with its comment. */
#define TVMGEN_M_WORKSPACE_SIZE 16
#define TVMGEN_M_A_SIZE 42u
#define TVMGEN_M_B_SIZE 0x2A
#define TVMGEN_M_C_SIZE 052
#define TVMGEN_M_D_SIZE (42)
#define TVMGEN_M_E_SIZE ((uint32_t)42)
#define TVMGEN_M_F_SIZE (size_t)42UL
#define TVMGEN_M_G_SIZE 18446744073709551615ULL
#define TVMGEN_M_H_SIZE 0xFFFFFFFFFFFFFFFF /* the largest */
#define TVMGEN_M_I_SIZE 0 // none
#define TVMGEN_M_J_SIZE \
  64
#define TVMGEN_M_F(x) ((x) * 2)
static const struct global_const_workspace {
  float fused_constant_let[4] __attribute__((aligned(16)));
} global_const_workspace = {
    .fused_constant_let = {0x1p+0f, 0x1p+1f, 0x1.8p+1f, 0x1p+2f},
};  // of total size 16 bytes
static uint8_t global_workspace[32] __attribute__((section(".bss.noinit.tvm"), aligned(16)));
TVM_DLL int32_t tvmgen_m_run(struct tvmgen_m_inputs* inputs, struct tvmgen_m_outputs* outputs) {
  return tvmgen_m___tvm_main__(inputs->x, outputs->y, &global_const_workspace, &global_workspace);
}
