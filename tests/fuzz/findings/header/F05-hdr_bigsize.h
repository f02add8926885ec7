struct tvmgen_m_inputs {
  void* a;
};
struct tvmgen_m_outputs {
  void* o;
};
#define TVMGEN_M_A_SIZE 99999999999999999999
int32_t tvmgen_m_run(struct tvmgen_m_inputs* inputs, struct tvmgen_m_outputs* outputs);
