# Shared by environment/setup, reproduce and test: paths, the project-local Jupyter directory, logging.
# Sourced, not run.
set -euo pipefail

MODELKEY_HOME="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
MODELKEY_CACHE="${MODELKEY_CACHE:-$MODELKEY_HOME/environment/.cache}"
export MODELKEY_HOME MODELKEY_CACHE

# Jupyter reads and writes only inside the project: nothing in the user's home is touched.
export JUPYTER_PATH="$MODELKEY_CACHE/jupyter"
export JUPYTER_DATA_DIR="$MODELKEY_CACHE/jupyter"
export JUPYTER_CONFIG_DIR="$MODELKEY_CACHE/jupyter/config"
export JUPYTER_RUNTIME_DIR="$MODELKEY_CACHE/jupyter/runtime"
export JUPYTER_PLATFORM_DIRS=1
# Debian's Jupyter lives under /usr/bin; a python3 earlier on PATH may lack nbclient.
JUPYTER=/usr/bin/jupyter
SYSTEM_PYTHON=/usr/bin/python3
KERNEL_JAR="$MODELKEY_HOME/environment/kernel/target/modelkey-kernel.jar"

say() { printf '[modelkey] %s\n' "$*"; }
die() { printf '[modelkey] error: %s\n' "$*" >&2; exit 1; }
