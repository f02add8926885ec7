# SPDX-License-Identifier: Apache-2.0
"""What ctest gives the suites (tests/python/CMakeLists.txt): the modules on PYTHONPATH, the
programs to compare with in the environment."""
import os
import pathlib

import pytest


def program(variable):
    """The path in environment `variable`; the test is skipped outside ctest."""
    path = os.environ.get(variable)
    if not path:
        pytest.skip(f"{variable} is not set: run the suite through ctest")
    return path


@pytest.fixture
def work(tmp_path):
    """A folder for the files a test writes."""
    return pathlib.Path(tmp_path)
