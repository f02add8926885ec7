/* SPDX-License-Identifier: Apache-2.0 */
/* One function, compiled to the object an llvm-target MLF would hold. */
int tvmgen_probe_add_one(int x) { return x + 1; }
