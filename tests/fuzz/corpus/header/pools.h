#ifndef TVMGEN_M_H_
#define TVMGEN_M_H_
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/*!
 * \brief Input tensor x size (in bytes) for TVM module "m" 
 */
#define TVMGEN_M_X_SIZE 256
/*!
 * \brief Output tensor output size (in bytes) for TVM module "m" 
 */
#define TVMGEN_M_OUTPUT_SIZE 256
/*!
 * \brief my_pool size (in bytes) for TVM module "m" 
 */
#define TVMGEN_M_MY_POOL_WORKSPACE_POOL_SIZE 512
/*!
 * \brief Input tensor pointers for TVM module "m" 
 */
struct tvmgen_m_inputs {
  void* x;
};

/*!
 * \brief Output tensor pointers for TVM module "m" 
 */
struct tvmgen_m_outputs {
  void* output;
};

/*!
 * \brief Workspace pool pointers for TVM module "m" 
 */
struct tvmgen_m_workspace_pools {
  void* my_pool;
};

/*!
 * \brief entrypoint function for TVM module "m"
 * \param inputs Input tensors for the module 
 * \param outputs Output tensors for the module 
 * \param workspace_pools Workspace memory pool pointers for the module 
 */
int32_t tvmgen_m_run(
  struct tvmgen_m_inputs* inputs,
  struct tvmgen_m_outputs* outputs,
  struct tvmgen_m_workspace_pools* workspace_pools
);

#ifdef __cplusplus
}
#endif

#endif // TVMGEN_M_H_
