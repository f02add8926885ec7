#ifndef TVMGEN_V015EXT_H_
#define TVMGEN_V015EXT_H_
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/*!
 * \brief Input tensor serving_default_input_0 size (in bytes) for TVM module "v015ext" 
 */
#define TVMGEN_V015EXT_SERVING_DEFAULT_INPUT_0_SIZE 4
/*!
 * \brief Output tensor Identity size (in bytes) for TVM module "v015ext" 
 */
#define TVMGEN_V015EXT_IDENTITY_SIZE 3
/*!
 * \brief Input tensor pointers for TVM module "v015ext" 
 */
struct tvmgen_v015ext_inputs {
  void* serving_default_input_0;
};

/*!
 * \brief Output tensor pointers for TVM module "v015ext" 
 */
struct tvmgen_v015ext_outputs {
  void* Identity;
};

/*!
 * \brief Workspace pool pointers for TVM module "v015ext" 
 */
struct tvmgen_v015ext_workspace_pools {
  void* my_flash;
  void* my_sram;
};

/*!
 * \brief entrypoint function for TVM module "v015ext"
 * \param inputs Input tensors for the module 
 * \param outputs Output tensors for the module 
 * \param workspace_pools Workspace memory pool pointers for the module 
 */
int32_t tvmgen_v015ext_run(
  struct tvmgen_v015ext_inputs* inputs,
  struct tvmgen_v015ext_outputs* outputs,
  struct tvmgen_v015ext_workspace_pools* workspace_pools
);
/*!
 * \brief Workspace size for TVM module "v015ext" 
 */
#define TVMGEN_V015EXT_WORKSPACE_SIZE 12
/*!
 * \brief my_flash initialization data for TVM module "v015ext" 
 */
#define TVMGEN_V015EXT_MY_FLASH_CONSTANT_POOL_SIZE 28
#define TVMGEN_V015EXT_MY_FLASH_CONSTANT_POOL_DATA \
    0x02, 0xff, 0x00, 0x03, 0xfc, 0x05, 0x01, 0xfe, 0x07, 0x07, 0xf9, 0x01, 0x00, 0x00, 0x00, 0x00, \
    0xf6, 0xff, 0xff, 0xff, 0x28, 0x00, 0x00, 0x00, 0xc8, 0x00, 0x00, 0x00\

/*!
 * \brief my_sram size for TVM module "v015ext" 
 */
#define TVMGEN_V015EXT_MY_SRAM_WORKSPACE_POOL_SIZE 12

#ifdef __cplusplus
}
#endif

#endif // TVMGEN_V015EXT_H_
