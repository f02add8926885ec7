#ifndef TVMGEN_M_H_
#define TVMGEN_M_H_
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/*!
 * \brief Input tensor input_1 size (in bytes) for TVM module "m" 
 */
#define TVMGEN_M_INPUT_1_SIZE 4096
/*!
 * \brief Output tensor output size (in bytes) for TVM module "m" 
 */
#define TVMGEN_M_OUTPUT_SIZE 4096
/*!
 * \brief Input tensor pointers for TVM module "m" 
 */
struct tvmgen_m_inputs {
  void* input_1;
};

/*!
 * \brief Output tensor pointers for TVM module "m" 
 */
struct tvmgen_m_outputs {
  void* output;
};

/*!
 * \brief entrypoint function for TVM module "m"
 * \param inputs Input tensors for the module 
 * \param outputs Output tensors for the module 
 */
int32_t tvmgen_m_run(
  struct tvmgen_m_inputs* inputs,
  struct tvmgen_m_outputs* outputs
);
/*!
 * \brief Workspace size for TVM module "m" 
 */
#define TVMGEN_M_WORKSPACE_SIZE 4096

#ifdef __cplusplus
}
#endif

#endif // TVMGEN_M_H_
