"""numpy and scipy for the benchmark scripts under benches/.

They are benchmark tools only, never a dependency of skyshow. When the running Python
lacks them, `ensure` makes a venv in the given folder, installs them there, and re-runs
the calling script inside it.
"""

import os
import subprocess
import sys


def ensure(venv):
    try:
        import numpy  # noqa: F401
        import scipy  # noqa: F401
    except ImportError:
        py = os.path.join(venv, "bin", "python")
        if os.path.abspath(sys.executable) == os.path.abspath(py):
            raise
        if not os.path.exists(py):
            subprocess.check_call([sys.executable, "-m", "venv", venv])
            subprocess.check_call([py, "-m", "pip", "install", "-q", "numpy", "scipy"])
        os.execv(py, [py] + sys.argv)
