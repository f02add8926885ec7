// SPDX-License-Identifier: Apache-2.0
// Writes armnet, the real-size model (arm_reference.h), as an MLF in the layout and style of
// TVM 0.13's arm_cpu output for a Cortex-M4: ~400 KB of constants in lib0's
// global_const_workspace, a 147 KB global_workspace planned by hand as USMP would, and lib1
// with SMLAD gemm micro kernels. Generated at build time rather than committed: the constants
// alone are megabytes of C text.
#pragma once

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "arm_reference.h"

namespace armref {

inline std::string replace_all(std::string s, const std::string& from, const std::string& to) {
  for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
    s.replace(at, from.size(), to);
  return s;
}

template <class T>
void write_hex_array(std::ostream& out, const std::vector<T>& v) {
  char buf[16];
  for (std::size_t i = 0; i < v.size(); ++i) {
    const long long x = v[i];
    std::snprintf(buf, sizeof buf, sizeof(T) == 1 ? "%c0x%02llx" : "%c0x%08llx", x < 0 ? '-' : '+',
                  x < 0 ? -x : x);
    out << (i % 16 == 0 ? "    " : " ") << buf << (i + 1 < v.size() ? "," : "")
        << (i % 16 == 15 || i + 1 == v.size() ? "\n" : "");
  }
}

// TVM's gemm micro kernel for an MxKxN tile (A MxK, B NxK, both int8 rows): B and each row of A
// widened to halfwords by read_and_pad, SMLAD over pairs, the K % 4 tail by SMLABB/SMLATT.
inline std::string armnet_gemm(int m, int k, int n, const std::string& id) {
  std::string s = R"(
#ifdef __cplusplus
extern "C"
#endif
__attribute__((always_inline)) static inline int32_t gemm_@M@x@K@x@N@_body_@ID@(
    int8_t *aa, int8_t *bb, int32_t *cc,
    int A_stride, int B_stride, int C_stride) {
  int16_t bb_pad[@BBPAD@];
  int32_t retcode = 0;

  if ( ((uint32_t)(uintptr_t)cc & 0x3) != 0 || A_stride < @K@ || B_stride < @K@ ) {
    retcode = kTvmErrorFunctionCallInvalidArg;
    goto out;
  }

  for (int i = 0; i < @N@; i++)
    for (int j = 0; j < @K@ / 4; j++)
      read_and_pad(&bb[i*B_stride + j*4], (int32_t*) &bb_pad[i*@KP@ + j*4], (int32_t*) &bb_pad[i*@KP@ + j*4 + 2]);

  for (int i = 0; i < @M@; i++) {
    int16_t aa_pad_line[@KP@];
    for (int l = 0; l < @K@ / 4; l++)
      read_and_pad(&aa[i*A_stride + l*4], (int32_t*) &aa_pad_line[l*4], (int32_t*) &aa_pad_line[l*4 + 2]);

    for (int j = 0; j < @N@; j++) {
      int32_t *aa_ptr = (int32_t *) aa_pad_line;
      int32_t *bb_ptr = (int32_t *) &bb_pad[j*@KP@];
      int32_t sum = 0;
      for (int l = 0; l < 2 * (@K@ / 4); l++) {
        sum = __smlad(*aa_ptr, *bb_ptr, sum);
        ++ aa_ptr; ++ bb_ptr;
      }
      int8_t *a_ptr = &aa[i * A_stride + @KP@];
      int8_t *b_ptr = &bb[j * B_stride + @KP@];
      for (int l = 0; l + 1 < @K@ % 4; l += 2) {
        int32_t a_10 = (int32_t) (((uint32_t) (uint16_t) a_ptr[l]) | (((uint32_t) (uint16_t) a_ptr[l + 1]) << 16));
        int32_t b_10 = (int32_t) (((uint32_t) (uint16_t) b_ptr[l]) | (((uint32_t) (uint16_t) b_ptr[l + 1]) << 16));
        sum = __builtin_arm_smlabb(a_10, b_10, sum);
        sum = __builtin_arm_smlatt(a_10, b_10, sum);
      }
      if ( @K@ % 2 != 0 )
        sum = __builtin_arm_smlabb((int32_t) a_ptr[@K@ % 4 - 1], (int32_t) b_ptr[@K@ % 4 - 1], sum);
      cc[i*C_stride + j] = sum;
    }
  }

out:
  return retcode;
}
)";
  const int kp = k / 4 * 4;
  s = replace_all(s, "@BBPAD@", std::to_string(n * kp));
  s = replace_all(s, "@KP@", std::to_string(kp));
  s = replace_all(s, "@M@", std::to_string(m));
  s = replace_all(s, "@K@", std::to_string(k));
  s = replace_all(s, "@N@", std::to_string(n));
  return replace_all(s, "@ID@", id);
}

// What every arm_cpu micro kernel starts with, in TVM's form: the includes, its own __ror and
// inline-asm __pkhbt/__pkhtb for what GCC's <arm_acle.h> lacks (unless ARM_CPU_INTRINSICS_EXIST
// says they exist, as aot's host <arm_acle.h> does), and read_and_pad.
constexpr const char* kArmnetPrologue = R"(// tvm target: c -keys=arm_cpu,cpu -mcpu=cortex-m4
#define TVM_EXPORTS
#include "tvm/runtime/c_runtime_api.h"
#include "tvm/runtime/c_backend_api.h"
#include <math.h>
#include <stdbool.h>


#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <arm_acle.h>

#include <tvm/runtime/crt/error_codes.h>


#ifndef ARM_CPU_INTRINSICS_EXIST
#define ARM_CPU_INTRINSICS_EXIST
__attribute__((always_inline)) uint32_t __ror(uint32_t op1, uint32_t op2)
{
  op2 %= 32U;
  if (op2 == 0U)
  {
    return op1;
  }
  return (op1 >> op2) | (op1 << (32U - op2));
}

#define __pkhbt(ARG1,ARG2,ARG3) __extension__ ({                            uint32_t __RES, __ARG1 = (ARG1), __ARG2 = (ARG2);   __asm("pkhbt %0, %1, %2, lsl %3" : "=r" (__RES) :  "r" (__ARG1), "r" (__ARG2), "I" (ARG3)  );   __RES;  })

#define __pkhtb(ARG1,ARG2,ARG3) __extension__ ({                            uint32_t __RES, __ARG1 = (ARG1), __ARG2 = (ARG2);   if (ARG3 == 0)     __asm("pkhtb %0, %1, %2" : "=r" (__RES) :  "r" (__ARG1), "r" (__ARG2)  );   else     __asm("pkhtb %0, %1, %2, asr %3" : "=r" (__RES) :  "r" (__ARG1), "r" (__ARG2), "I" (ARG3)  );   __RES;  })
#endif

#ifndef ARM_CPU_MPROFILE_READ_AND_PAD_EXISTS
#define ARM_CPU_MPROFILE_READ_AND_PAD_EXISTS
__attribute__((always_inline)) static inline const int8_t *read_and_pad(const int8_t *source, int32_t *out1, int32_t *out2)
{
    int32_t inA;
    memcpy(&inA, source, 4);
    source += 4;

    int32_t inAbuf1 = __sxtb16(__ror((uint32_t)inA, 8));
    int32_t inAbuf2 = __sxtb16(inA);
    *out2 = (int32_t)(__pkhtb(inAbuf1, inAbuf2, 16));
    *out1 = (int32_t)(__pkhbt(inAbuf2, inAbuf1, 16));

    return source;
}
#endif
)";

inline void write_armnet_mlf(const Armnet& net, const std::filesystem::path& dir) {
  namespace fs = std::filesystem;
  fs::create_directories(dir / "codegen/host/src");
  fs::create_directories(dir / "codegen/host/include");
  fs::create_directories(dir / "src");

  // Constant pool: offsets aligned to 16, as USMP lays them out.
  std::ofstream l0(dir / "codegen/host/src/armnet_lib0.c");
  l0 << "#include \"tvm/runtime/c_runtime_api.h\"\n#ifdef __cplusplus\nextern \"C\" {\n#endif\n"
        "__attribute__((section(\".rodata.tvm\"), ))\nstatic const struct global_const_workspace "
        "{\n"
        "  int8_t fused_nn_conv2d_constant_let[1728] __attribute__((aligned(16))); // 1728 bytes, "
        "aligned offset: 0\n"
        "  int32_t fused_constant_let[64] __attribute__((packed, aligned(16))); // 256 bytes, "
        "aligned offset: 1728\n"
        "  int8_t fused_nn_conv2d_constant_1_let[18432] __attribute__((packed, aligned(16))); // "
        "18432 bytes, aligned offset: 1984\n"
        "  int32_t fused_constant_1_let[32] __attribute__((packed, aligned(16))); // 128 bytes, "
        "aligned offset: 20416\n"
        "  int8_t fused_nn_dense_constant_let[393216] __attribute__((packed, aligned(16))); // "
        "393216 bytes, aligned offset: 20544\n"
        "  int32_t fused_constant_2_let[48] __attribute__((packed, aligned(16))); // 192 bytes, "
        "aligned offset: 413760\n"
        "} global_const_workspace = {\n";
  l0 << "  .fused_nn_conv2d_constant_let = {\n";
  write_hex_array(l0, net.w1);
  l0 << "  },\n  .fused_constant_let = {\n";
  write_hex_array(l0, net.b1);
  l0 << "  },\n  .fused_nn_conv2d_constant_1_let = {\n";
  write_hex_array(l0, net.w2);
  l0 << "  },\n  .fused_constant_1_let = {\n";
  write_hex_array(l0, net.b2);
  l0 << "  },\n  .fused_nn_dense_constant_let = {\n";
  write_hex_array(l0, net.w3);
  l0 << "  },\n  .fused_constant_2_let = {\n";
  write_hex_array(l0, net.b3);
  l0 << "  },\n};// of total size 413952 bytes\n"
        "__attribute__((section(\".bss.noinit.tvm\"), aligned(16)))\nstatic uint8_t "
        "global_workspace[150784];\n"
        "#include <tvmgen_armnet.h>\n"
        "TVM_DLL int32_t tvmgen_armnet___tvm_main__(void* input,void* output0,uint8_t* "
        "global_const_workspace_0_var,uint8_t* global_workspace_1_var);\n"
        "int32_t tvmgen_armnet_run(struct tvmgen_armnet_inputs* inputs,struct "
        "tvmgen_armnet_outputs* outputs) {"
        "return "
        "tvmgen_armnet___tvm_main__(inputs->input,outputs->Identity,((uint8_t*)&global_const_"
        "workspace),((uint8_t*)&global_workspace));\n"
        "}\n#ifdef __cplusplus\n}\n#endif\n;\n";

  // Workspace: out1 [0, 65536), pad0 then pad1 from 65536 (pad0 is dead when pad1 is
  // written), out2 over out1 at 0, each operator's scratch from 139520.
  std::ofstream l1(dir / "codegen/host/src/armnet_lib1.c");
  l1 << kArmnetPrologue << armnet_gemm(32, 27, 64, "HQXKZPRA")
     << armnet_gemm(16, 576, 32, "WMJCTBNE");
  l1 << R"(
#ifdef __cplusplus
extern "C"
#endif
__attribute__((always_inline)) static inline int32_t dense_1x8192x48_mixed_YVDQLGSO(
    int8_t *aa, int8_t *bb, int32_t *cc) {
  for (int j = 0; j < 48; j++) {
    int32_t sum = 0;
    for (int l = 0; l < 8192 / 4; l++) {
      uint32_t a_3210, b_3210;
      memcpy(&a_3210, &aa[l*4], 4);
      memcpy(&b_3210, &bb[j*8192 + l*4], 4);
      sum = __smlad(__sxtb16(a_3210), __sxtb16(b_3210), sum);
      sum = __smlad(__sxtb16(__ror(a_3210, 8)), __sxtb16(__ror(b_3210, 8)), sum);
    }
    cc[j] = sum;
  }
  return 0;
}

#ifdef __cplusplus
extern "C"
#endif
TVM_DLL int32_t tvmgen_armnet_fused_nn_pad(int8_t* p0, int8_t* T_pad, uint8_t* global_const_workspace_2_var, uint8_t* global_workspace_3_var) {
  for (int32_t ax1 = 0; ax1 < 34; ++ax1) {
    for (int32_t ax2_ax3_fused = 0; ax2_ax3_fused < 102; ++ax2_ax3_fused) {
      T_pad[((ax1 * 102) + ax2_ax3_fused)] = (((((1 <= ax1) && (ax1 < 33)) && (3 <= ax2_ax3_fused)) && (ax2_ax3_fused < 99)) ? p0[(((ax1 * 96) + ax2_ax3_fused) - 99)] : (int8_t)0);
    }
  }
  return 0;
}

#ifdef __cplusplus
extern "C"
#endif
TVM_DLL int32_t tvmgen_armnet_fused_nn_pad_1(int8_t* p0, int8_t* T_pad, uint8_t* global_const_workspace_8_var, uint8_t* global_workspace_9_var) {
  for (int32_t ax1 = 0; ax1 < 34; ++ax1) {
    for (int32_t ax2_ax3_fused = 0; ax2_ax3_fused < 2176; ++ax2_ax3_fused) {
      T_pad[((ax1 * 2176) + ax2_ax3_fused)] = (((((1 <= ax1) && (ax1 < 33)) && (64 <= ax2_ax3_fused)) && (ax2_ax3_fused < 2112)) ? p0[(((ax1 * 2048) + ax2_ax3_fused) - 2112)] : (int8_t)0);
    }
  }
  return 0;
}

#ifdef __cplusplus
extern "C"
#endif
TVM_DLL int32_t tvmgen_armnet_fused_nn_conv2d_add_fixed_point_multiply_clip_cast(int8_t* p0, int8_t* T_cast, uint8_t* global_const_workspace_4_var, uint8_t* global_workspace_5_var) {
  void* fused_nn_conv2d_constant_let = (&(global_const_workspace_4_var[0]));
  void* fused_constant_let = (&(global_const_workspace_4_var[1728]));
  void* data_im2col_let = (&(global_workspace_5_var[139520]));
  void* conv_let = (&(global_workspace_5_var[140384]));
  for (int32_t ax1 = 0; ax1 < 32; ++ax1) {
    for (int32_t ow = 0; ow < 32; ++ow) {
      for (int32_t kh = 0; kh < 3; ++kh) {
        for (int32_t kw_ci_fused = 0; kw_ci_fused < 9; ++kw_ci_fused) {
          ((int8_t*)data_im2col_let)[(((ow * 27) + (kh * 9)) + kw_ci_fused)] = p0[((((ax1 * 102) + (kh * 102)) + (ow * 3)) + kw_ci_fused)];
        }
      }
    }
    if (gemm_32x27x64_body_HQXKZPRA((&(((int8_t*)data_im2col_let)[0])), (&(((int8_t*)fused_nn_conv2d_constant_let)[0])), (&(((int32_t*)conv_let)[0])), 27, 27, 64) != 0 ) return -1;
    for (int32_t ax2 = 0; ax2 < 32; ++ax2) {
      for (int32_t ax3 = 0; ax3 < 64; ++ax3) {
        int32_t _1 = ((int32_t)(((((int64_t)(((int32_t*)conv_let)[((ax2 * 64) + ax3)] + ((int32_t*)fused_constant_let)[ax3])) * (int64_t)1503238554) + ((int64_t)1 << ((int64_t)39))) >> ((int64_t)40)));
        int32_t _2 = (_1) < (127) ? (_1) : (127);
        T_cast[(((ax1 * 2048) + (ax2 * 64)) + ax3)] = ((int8_t)((_2) > (-128) ? (_2) : (-128)));
      }
    }
  }
  return 0;
}

#ifdef __cplusplus
extern "C"
#endif
TVM_DLL int32_t tvmgen_armnet_fused_nn_conv2d_add_fixed_point_multiply_clip_cast_1(int8_t* p0, int8_t* T_cast, uint8_t* global_const_workspace_10_var, uint8_t* global_workspace_11_var) {
  void* fused_nn_conv2d_constant_1_let = (&(global_const_workspace_10_var[1984]));
  void* fused_constant_1_let = (&(global_const_workspace_10_var[20416]));
  void* data_im2col_let = (&(global_workspace_11_var[139520]));
  void* conv_let = (&(global_workspace_11_var[148736]));
  for (int32_t ax1 = 0; ax1 < 16; ++ax1) {
    for (int32_t ow = 0; ow < 16; ++ow) {
      for (int32_t kh = 0; kh < 3; ++kh) {
        for (int32_t kw_ci_fused = 0; kw_ci_fused < 192; ++kw_ci_fused) {
          ((int8_t*)data_im2col_let)[(((ow * 576) + (kh * 192)) + kw_ci_fused)] = p0[((((ax1 * 4352) + (kh * 2176)) + (ow * 128)) + kw_ci_fused)];
        }
      }
    }
    if (gemm_16x576x32_body_WMJCTBNE((&(((int8_t*)data_im2col_let)[0])), (&(((int8_t*)fused_nn_conv2d_constant_1_let)[0])), (&(((int32_t*)conv_let)[0])), 576, 576, 32) != 0 ) return -1;
    for (int32_t ax2 = 0; ax2 < 16; ++ax2) {
      for (int32_t ax3 = 0; ax3 < 32; ++ax3) {
        int32_t _1 = ((int32_t)(((((int64_t)(((int32_t*)conv_let)[((ax2 * 32) + ax3)] + ((int32_t*)fused_constant_1_let)[ax3])) * (int64_t)1288490189) + ((int64_t)1 << ((int64_t)40))) >> ((int64_t)41)));
        int32_t _2 = (_1) < (127) ? (_1) : (127);
        T_cast[(((ax1 * 512) + (ax2 * 32)) + ax3)] = ((int8_t)((_2) > (-128) ? (_2) : (-128)));
      }
    }
  }
  return 0;
}

#ifdef __cplusplus
extern "C"
#endif
TVM_DLL int32_t tvmgen_armnet_fused_nn_dense_add_fixed_point_multiply_clip_cast(int8_t* p0, int8_t* T_cast, uint8_t* global_const_workspace_12_var, uint8_t* global_workspace_13_var) {
  void* fused_nn_dense_constant_let = (&(global_const_workspace_12_var[20544]));
  void* fused_constant_2_let = (&(global_const_workspace_12_var[413760]));
  void* dense_let = (&(global_workspace_13_var[139520]));
  if (dense_1x8192x48_mixed_YVDQLGSO(p0, (int8_t*)fused_nn_dense_constant_let, (int32_t*)dense_let) != 0 ) return -1;
  for (int32_t ax1 = 0; ax1 < 48; ++ax1) {
    int32_t _1 = ((int32_t)(((((int64_t)(((int32_t*)dense_let)[ax1] + ((int32_t*)fused_constant_2_let)[ax1])) * (int64_t)1288490189) + ((int64_t)1 << ((int64_t)42))) >> ((int64_t)43)));
    int32_t _2 = (_1) < (127) ? (_1) : (127);
    T_cast[ax1] = ((int8_t)((_2) > (-128) ? (_2) : (-128)));
  }
  return 0;
}

#ifdef __cplusplus
extern "C"
#endif
TVM_DLL int32_t tvmgen_armnet___tvm_main__(int8_t* input_buffer_var, int8_t* Identity_buffer_var, uint8_t* global_const_workspace_0_var, uint8_t* global_workspace_1_var) {
  void* sid_1_let = (&(global_workspace_1_var[65536]));
  void* sid_2_let = (&(global_workspace_1_var[0]));
  void* sid_3_let = (&(global_workspace_1_var[65536]));
  void* sid_4_let = (&(global_workspace_1_var[0]));
  if (tvmgen_armnet_fused_nn_pad(input_buffer_var, sid_1_let, global_const_workspace_0_var, global_workspace_1_var) != 0 ) return -1;
  if (tvmgen_armnet_fused_nn_conv2d_add_fixed_point_multiply_clip_cast(sid_1_let, sid_2_let, global_const_workspace_0_var, global_workspace_1_var) != 0 ) return -1;
  if (tvmgen_armnet_fused_nn_pad_1(sid_2_let, sid_3_let, global_const_workspace_0_var, global_workspace_1_var) != 0 ) return -1;
  if (tvmgen_armnet_fused_nn_conv2d_add_fixed_point_multiply_clip_cast_1(sid_3_let, sid_4_let, global_const_workspace_0_var, global_workspace_1_var) != 0 ) return -1;
  if (tvmgen_armnet_fused_nn_dense_add_fixed_point_multiply_clip_cast(sid_4_let, Identity_buffer_var, global_const_workspace_0_var, global_workspace_1_var) != 0 ) return -1;
  return 0;
}
)";

  std::ofstream h(dir / "codegen/host/include/tvmgen_armnet.h");
  h << R"(#ifndef TVMGEN_ARMNET_H_
#define TVMGEN_ARMNET_H_
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/*!
 * \brief Input tensor input size (in bytes) for TVM module "armnet" 
 */
#define TVMGEN_ARMNET_INPUT_SIZE 3072
/*!
 * \brief Output tensor Identity size (in bytes) for TVM module "armnet" 
 */
#define TVMGEN_ARMNET_IDENTITY_SIZE 48
/*!
 * \brief Input tensor pointers for TVM module "armnet" 
 */
struct tvmgen_armnet_inputs {
  void* input;
};

/*!
 * \brief Output tensor pointers for TVM module "armnet" 
 */
struct tvmgen_armnet_outputs {
  void* Identity;
};

/*!
 * \brief entrypoint function for TVM module "armnet"
 * \param inputs Input tensors for the module 
 * \param outputs Output tensors for the module 
 */
int32_t tvmgen_armnet_run(
  struct tvmgen_armnet_inputs* inputs,
  struct tvmgen_armnet_outputs* outputs
);
/*!
 * \brief Workspace size for TVM module "armnet" 
 */
#define TVMGEN_ARMNET_WORKSPACE_SIZE 150784

#ifdef __cplusplus
}
#endif

#endif // TVMGEN_ARMNET_H_
)";

  std::ofstream meta(dir / "metadata.json");
  meta << R"({
  "modules": {
    "armnet": {
      "executors": [
        "aot"
      ],
      "export_datetime": "2023-08-14 10:02:11Z",
      "external_dependencies": [],
      "memory": {
        "functions": {
          "main": [
            {
              "constants_size_bytes": 413952,
              "device": 1,
              "inputs": {
                "input": {
                  "dtype": "int8",
                  "size": 3072
                }
              },
              "io_size_bytes": 3120,
              "outputs": {
                "Identity": {
                  "dtype": "int8",
                  "size": 48
                }
              },
              "workspace_size_bytes": 150784
            }
          ],
          "operator_functions": []
        }
      },
      "model_name": "armnet",
      "style": "full-model",
      "target": [
        "c -keys=arm_cpu,cpu -mcpu=cortex-m4"
      ]
    }
  },
  "version": 7
}
)";

  std::ofstream relay(dir / "src/armnet.relay");
  relay << "def @main(%input: Tensor[(1, 32, 32, 3), int8] /* ty=Tensor[(1, 32, 32, 3), int8] */, "
           "output_tensor_names=[\"Identity\"]) -> Tensor[(1, 48), int8] {\n"
           "  %0 = qnn.conv2d(%input, meta[relay.Constant][0], 0, 0, 1f, 1f, padding=[1, 1, 1, 1], "
           "channels=64, kernel_size=[3, 3], data_layout=\"NHWC\", kernel_layout=\"OHWI\", "
           "out_dtype=\"int32\");\n"
           "  %1 = qnn.requantize(nn.bias_add(%0, meta[relay.Constant][1], axis=3), ...);\n"
           "  %2 = qnn.conv2d(%1, meta[relay.Constant][2], ..., strides=[2, 2], padding=[1, 1, 1, "
           "1], "
           "channels=32, kernel_size=[3, 3], data_layout=\"NHWC\", kernel_layout=\"OHWI\");\n"
           "  %3 = qnn.requantize(nn.bias_add(%2, meta[relay.Constant][3], axis=3), ...);\n"
           "  %4 = reshape(%3, newshape=[1, 8192]);\n"
           "  qnn.requantize(nn.bias_add(qnn.dense(%4, meta[relay.Constant][4], ..., units=48), "
           "meta[relay.Constant][5]), ...)\n}\n";
}

}  // namespace armref
