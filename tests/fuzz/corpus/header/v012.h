#ifndef TVMGEN_M_H_
#define TVMGEN_M_H_
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/*!
 * \brief Input tensor serving_default_x_0 size (in bytes) for TVM module "m" 
 */
#define TVMGEN_M_SERVING_DEFAULT_X_0_SIZE 5
/*!
 * \brief Output tensor StatefulPartitionedCall_0 size (in bytes) for TVM module "m" 
 */
#define TVMGEN_M_STATEFULPARTITIONEDCALL_0_SIZE 5
/*!
 * \brief Input tensor pointers for TVM module "m" 
 */
struct tvmgen_m_inputs {
  void* serving_default_x_0;
};

/*!
 * \brief Output tensor pointers for TVM module "m" 
 */
struct tvmgen_m_outputs {
  void* StatefulPartitionedCall_0;
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
