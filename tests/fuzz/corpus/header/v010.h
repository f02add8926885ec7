#ifndef TVMGEN_M_H_
#define TVMGEN_M_H_
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/*!
 * \brief Input tensor pointers for TVM module "m" 
 */
struct tvmgen_m_inputs {
  void* input_1;
  void* input_2;
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
#define TVMGEN_M_WORKSPACE_SIZE 28

#ifdef __cplusplus
}
#endif

#endif // TVMGEN_M_H_
