#ifndef TVMGEN_M_H_
#define TVMGEN_M_H_
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/*!
 * \brief Input tensor bias_in size (in bytes) for TVM module "m" 
 */
#define TVMGEN_M_BIAS_IN_SIZE 4
/*!
 * \brief Input tensor serving_default_x_0 size (in bytes) for TVM module "m" 
 */
#define TVMGEN_M_SERVING_DEFAULT_X_0_SIZE 6
/*!
 * \brief Output tensor Identity_1 size (in bytes) for TVM module "m" 
 */
#define TVMGEN_M_IDENTITY_1_SIZE 8
/*!
 * \brief Output tensor Identity size (in bytes) for TVM module "m" 
 */
#define TVMGEN_M_IDENTITY_SIZE 2
/*!
 * \brief Input tensor pointers for TVM module "m" 
 */
struct tvmgen_m_inputs {
  void* serving_default_x_0;
  void* bias_in;
};

/*!
 * \brief Output tensor pointers for TVM module "m" 
 */
struct tvmgen_m_outputs {
  void* Identity;
  void* Identity_1;
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
#define TVMGEN_M_WORKSPACE_SIZE 8

#ifdef __cplusplus
}
#endif

#endif // TVMGEN_M_H_
