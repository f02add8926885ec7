// SPDX-License-Identifier: Apache-2.0
// The optional components in use: a Status formatted by aot::fmt, the version from the headers.
#include <aot/aot.hpp>
#include <aot/fmt.hpp>

int main() {
  fmt::print("components: aot {} ({}.{}.{}), status {}\n", AOT_VERSION_STRING, AOT_VERSION_MAJOR,
             AOT_VERSION_MINOR, AOT_VERSION_PATCH, aot::Status{});
  return 0;
}
