# SPDX-License-Identifier: Apache-2.0
# Fuzz targets of aot-gen (included from CMakeLists.txt when the generator is built): each
# reader on its own, the archive reader, and the whole pipeline from archive bytes to the
# emitted header. Seeds in corpus/<name>/, past findings in findings/<name>/.
aot_fuzz_target(archive LIBS aot_gen_lib)
aot_fuzz_target(metadata LIBS aot_gen_lib)
aot_fuzz_target(header LIBS aot_gen_lib)
aot_fuzz_target(relay LIBS aot_gen_lib)
aot_fuzz_target(csource LIBS aot_gen_lib)
aot_fuzz_target(object LIBS aot_gen_lib)
aot_fuzz_target(pipeline LIBS aot_gen_lib)
