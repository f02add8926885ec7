// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstddef>

#include "aot/detail/type_list.hpp"

// Each function here exists to fail: it is instantiated only when a check fails, so the
// compiler's diagnostic shows its name and template arguments (the model, the tensor, what
// was expected and what was given) next to the static_assert text.
namespace aot::compile_error {

// Malformed model descriptions.
template <class Model>
constexpr void model_has_no_outputs() {
  static_assert(detail::kDependentFalse<Model>,
                "aot: bad model description: Model lists no outputs");
}
template <class Model, class Tensor>
constexpr void tensor_has_no_raw_name() {
  static_assert(detail::kDependentFalse<Model>,
                "aot: bad model description: Tensor has no raw_name (add `static constexpr "
                "std::string_view raw_name = \"<the name in the source model>\";`)");
}
template <class Model, class Tensor>
constexpr void tensor_raw_name_is_empty() {
  static_assert(detail::kDependentFalse<Model>,
                "aot: bad model description: Tensor has an empty raw_name");
}
template <class Model, class Tensor>
constexpr void tensor_dimension_not_positive() {
  static_assert(detail::kDependentFalse<Model>,
                "aot: bad model description: Tensor has a zero or negative dimension");
}
template <class Model, class Tensor, class ElementType>
constexpr void tensor_element_type_has_no_dtype() {
  static_assert(detail::kDependentFalse<Model>,
                "aot: bad model description: Tensor's ElementType has no aot::DataTypeOf "
                "specialisation");
}
template <class Model, class Tensor, std::size_t Declared, std::size_t FromShapeAndDtype>
constexpr void tensor_size_bytes_disagrees_with_shape_and_dtype() {
  static_assert(detail::kDependentFalse<Model>,
                "aot: bad model description: Tensor's size_bytes (Declared) differs from "
                "shape x dtype (FromShapeAndDtype)");
}
template <class Model, class Tensor>
constexpr void tensor_size_overflows() {
  static_assert(detail::kDependentFalse<Model>,
                "aot: bad model description: Tensor's element count or byte size overflows (the "
                "product of its shape, times the element size, exceeds the largest object, "
                "PTRDIFF_MAX bytes)");
}
template <class Model, class Pool, std::size_t Expected, std::size_t Given>
constexpr void constant_pool_data_size_mismatch() {
  static_assert(detail::kDependentFalse<Model>,
                "aot: bad model description: constant Pool's data is Given bytes, the pool "
                "Expected (regenerate the description from the MLF's header)");
}
template <class Model, class Tensor>
constexpr void tensor_name_is_not_sanitized_raw_name() {
  static_assert(detail::kDependentFalse<Model>,
                "aot: bad model description: Tensor's name is not its raw_name sanitised "
                "(every byte outside [A-Za-z0-9] becomes '_')");
}
template <class Model, class First, class Second>
constexpr void duplicate_tensor_name() {
  static_assert(detail::kDependentFalse<Model>,
                "aot: bad model description: First and Second have the same sanitised name");
}
template <class Model, std::size_t Expected, std::size_t Given>
constexpr void entry_argument_count_mismatch() {
  static_assert(detail::kDependentFalse<Model>,
                "aot: bad model description: the entry function takes Given arguments, the "
                "tensor lists need Expected");
}
template <class Model, class Expected, class Given>
constexpr void entry_signature_mismatch() {
  static_assert(detail::kDependentFalse<Model>,
                "aot: bad model description: the entry function's type is Given, the "
                "convention needs Expected");
}
template <class Model, class CStruct, std::size_t ExpectedMembers, std::size_t GivenBytes>
constexpr void c_struct_size_mismatch() {
  static_assert(detail::kDependentFalse<Model>,
                "aot: bad model description: CStruct is GivenBytes bytes, expected one void* "
                "per tensor (ExpectedMembers tensors)");
}
/// Argument is the tensor, pool or device description whose pointer the parameter takes.
template <class Model, class Argument, class Expected, class Given>
constexpr void entry_parameter_type_mismatch() {
  static_assert(detail::kDependentFalse<Model>,
                "aot: bad model description: the unpacked entry function takes Given for "
                "Argument, expected Expected (void* always fits; TVM's C code passes 16-bit "
                "floats as std::uint16_t* and bool as std::int8_t*)");
}

template <class Model, std::size_t Alignment>
constexpr void workspace_alignment_not_power_of_two() {
  static_assert(detail::kDependentFalse<Model>,
                "aot: bad model description: Model's workspace_alignment is Alignment, not a "
                "power of two (the workspace byte alignment the model was built with)");
}
template <class Model>
constexpr void workspace_io_needs_c_interface_and_pools() {
  static_assert(detail::kDependentFalse<Model>,
                "aot: bad model description: Model sets workspace_io, which needs the C "
                "interface and at least one pool (tir.usmp.use_workspace_io)");
}
template <class Model>
constexpr void packed_convention_has_no_devices() {
  static_assert(detail::kDependentFalse<Model>,
                "aot: bad model description: Model lists devices, which the packed convention "
                "cannot pass");
}

// Mistakes in a typed call.
template <class Model, std::size_t Index, std::size_t NumInputs>
constexpr void input_index_out_of_range() {
  static_assert(detail::kDependentFalse<Model>,
                "aot: input Index is out of range: Model has NumInputs inputs (an index of "
                "aot::npos comes from a name lookup that found nothing)");
}
template <class Model, std::size_t Index, std::size_t NumOutputs>
constexpr void output_index_out_of_range() {
  static_assert(detail::kDependentFalse<Model>,
                "aot: output Index is out of range: Model has NumOutputs outputs (an index of "
                "aot::npos comes from a name lookup that found nothing)");
}
template <class Model, class Tag>
constexpr void not_an_input_of_model() {
  static_assert(detail::kDependentFalse<Model>, "aot: Tag is not one of Model's inputs");
}
template <class Model, class Tag>
constexpr void not_an_output_of_model() {
  static_assert(detail::kDependentFalse<Model>, "aot: Tag is not one of Model's outputs");
}
template <class Model, class Tensor, class Expected, class Given>
constexpr void element_type_mismatch() {
  static_assert(detail::kDependentFalse<Model>,
                "aot: element type mismatch: Tensor holds Expected, the argument holds Given");
}
template <class Model, class Tensor, std::size_t Expected, std::size_t Given>
constexpr void element_count_mismatch() {
  static_assert(detail::kDependentFalse<Model>,
                "aot: element count mismatch: Tensor has Expected elements, the argument has "
                "Given");
}
template <class Model, class Tensor, class Source>
constexpr void unsupported_source() {
  static_assert(detail::kDependentFalse<Model>,
                "aot: Source cannot fill Tensor: pass a C array, a std::array or an aot::Span");
}
template <class Model, std::size_t Expected, std::size_t Given>
constexpr void infer_argument_count_mismatch() {
  static_assert(detail::kDependentFalse<Model>,
                "aot: infer() takes one argument per input: Model has Expected inputs, Given "
                "were passed");
}
template <class Tensor, std::size_t Rank, std::size_t Given>
constexpr void view_index_count_mismatch() {
  static_assert(detail::kDependentFalse<Tensor>,
                "aot: a view of Tensor takes Rank indices, Given were passed");
}
template <class Model, std::size_t Index, std::size_t NumDevices>
constexpr void device_index_out_of_range() {
  static_assert(detail::kDependentFalse<Model>,
                "aot: device Index is out of range: Model has NumDevices devices");
}
template <class Model, class Tag>
constexpr void not_a_device_of_model() {
  static_assert(detail::kDependentFalse<Model>, "aot: Tag is not one of Model's devices");
}

template <class Model, class Buffers>
constexpr void executor_does_not_bind() {
  static_assert(detail::kDependentFalse<Model>,
                "aot: this AotExecutor<Model> holds its buffers (Buffers): bind_input, "
                "bind_output and the zero-copy calls need AotExecutor<Model, Alignment, "
                "aot::BindableBuffers> or aot::CallerBuffers");
}
template <class Model, class Tag>
constexpr void executor_has_no_buffers() {
  static_assert(detail::kDependentFalse<Model>,
                "aot: an AotExecutor<Model, Alignment, aot::CallerBuffers> has no buffer of its "
                "own for Tag: bind one (bind_input / bind_output)");
}
template <class Model, class Given>
constexpr void not_a_dltensor() {
  static_assert(detail::kDependentFalse<Model>,
                "aot: set_input(index or name, x), get_output(index, x) and the zero-copy calls "
                "take a DLTensor (aot/dlpack.hpp); Given is not one. For an array, std::vector or "
                "span, name the tensor at compile time: set_input<Tag or I>(x)");
}
template <class Tensor>
constexpr void tensor_has_no_quantization() {
  static_assert(detail::kDependentFalse<Tensor>,
                "aot: Tensor has no quantization parameters (scale, zero_point): the model gives "
                "none for it, or aot-gen found none; aot_add_model(... QUANT "
                "<tensor>=<scale>,<zero_point>) supplies them");
}
template <class Tensor>
constexpr void tensor_is_quantized_per_axis() {
  static_assert(detail::kDependentFalse<Tensor>,
                "aot: Tensor is quantized per axis (scales, zero_points, quant_axis): give the "
                "index along quant_axis, e.g. aot::scale_of<Tensor>(channel)");
}
template <class Tensor, std::size_t Axis, std::size_t Rank>
constexpr void quant_axis_out_of_range() {
  static_assert(detail::kDependentFalse<Tensor>,
                "aot: Tensor's quant_axis Axis is not one of its Rank dimensions");
}
template <class Tensor, std::size_t Extent, std::size_t Given>
constexpr void quant_axis_size_mismatch() {
  static_assert(detail::kDependentFalse<Tensor>,
                "aot: Tensor has Given scales or zero points for the Extent indices of its "
                "quant_axis");
}
template <class Tensor, class Element>
constexpr void quantized_tensor_not_integral() {
  static_assert(detail::kDependentFalse<Tensor>,
                "aot: Tensor has a scale and zero_point but its elements (Element) are not "
                "integers");
}
template <class Model, class Memory>
constexpr void executor_owns_its_memory() {
  static_assert(detail::kDependentFalse<Model>,
                "aot: this AotExecutor<Model> holds its arena and pools (Memory): set_workspace "
                "and set_pool need AotExecutor<Model, Alignment, Buffers, aot::CallerMemory>");
}
template <class Model>
constexpr void model_has_no_workspace_arena() {
  static_assert(detail::kDependentFalse<Model>,
                "aot: Model does not call TVMBackendAllocWorkspace (uses_backend_workspace is "
                "false): it has no workspace arena to set");
}
template <class Model>
constexpr void workspace_peak_not_kept() {
  static_assert(detail::kDependentFalse<Model>,
                "aot: no run of Model keeps its arena's high-water mark: workspace_peak() needs "
                "audited runs, AOT_WORKSPACE_AUDIT=1 in every translation unit (CMake: "
                "AOT_WORKSPACE_AUDIT=ON); the peak aot-gen measured is "
                "Model::measured_workspace_peak");
}
template <class Model, std::size_t Needed, std::size_t Given>
constexpr void workspace_too_small() {
  static_assert(detail::kDependentFalse<Model>,
                "aot: the arena given to Model holds Given bytes, its workspace needs Needed");
}
template <class Model, class Pool, std::size_t Needed, std::size_t Given>
constexpr void pool_too_small() {
  static_assert(detail::kDependentFalse<Model>,
                "aot: the memory given for Model's Pool holds Given bytes, the pool needs Needed");
}
template <class Model, class Tag>
constexpr void not_a_pool_of_model() {
  static_assert(detail::kDependentFalse<Model>, "aot: Tag is not one of Model's pools");
}
template <class Model, std::size_t Index, std::size_t Count>
constexpr void pool_index_out_of_range() {
  static_assert(detail::kDependentFalse<Model>,
                "aot: pool Index is out of range (Model has Count pools)");
}
template <class Model, class Pool>
constexpr void constant_pool_cannot_be_set() {
  static_assert(detail::kDependentFalse<Model>,
                "aot: Pool is a constant pool of Model: its data is the description's");
}
template <class Model>
constexpr void caller_buffers_with_workspace_io() {
  static_assert(detail::kDependentFalse<Model>,
                "aot: Model keeps its inputs and outputs inside its workspace pool "
                "(workspace_io): they cannot be bound to the caller's buffers");
}
template <class Model, class Tag>
constexpr void io_lives_in_workspace_pool() {
  static_assert(detail::kDependentFalse<Model>,
                "aot: Model keeps Tag inside its workspace pool (workspace_io): it has no "
                "separate I/O buffer; use input<Tag>() / get_output<Tag>() views");
}

template <class Tensor>
constexpr void dlpack_header_not_included() {
  static_assert(
      detail::kDependentFalse<Tensor>,
      "aot: DLTensor views need <aot/dlpack.hpp> (or <aot/aot.hpp> with DLPack installed)");
}

}  // namespace aot::compile_error
