#ifndef TVMGEN_M_H_
#define TVMGEN_M_H_
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/*!
 * \brief Input tensor input size (in bytes) for TVM module "m" 
 */
#define TVMGEN_M_INPUT_SIZE 6
/*!
 * \brief Output tensor output1 size (in bytes) for TVM module "m" 
 */
#define TVMGEN_M_OUTPUT1_SIZE 4
/*!
 * \brief Output tensor output0 size (in bytes) for TVM module "m" 
 */
#define TVMGEN_M_OUTPUT0_SIZE 6
/*!
 * \brief Input tensor pointers for TVM module "m" 
 */
struct tvmgen_m_inputs {
  void* input;
};

/*!
 * \brief Output tensor pointers for TVM module "m" 
 */
struct tvmgen_m_outputs {
  void* output0;
  void* output1;
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

#ifdef __cplusplus
}
#endif

#endif // TVMGEN_M_H_
