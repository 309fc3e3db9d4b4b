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

# lib_java CLASS [ARG...]: runs a class of the library with its dependencies, compiling lib first when
# its sources changed (mvn -o: dependencies come from the local Maven repository) and caching the
# class path in lib/target/classpath.txt (the same steps as environment/modelkey).
lib_java() {
  local main="$1"; shift
  local target="$MODELKEY_HOME/lib/target"
  local cp_file="$target/classpath.txt" class_file="$target/classes/${main//.//}.class"
  if [ ! -f "$class_file" ] \
     || [ -n "$(find "$MODELKEY_HOME/lib/src/main" -newer "$class_file" -type f -print -quit)" ]; then
    mvn -B -q -o -Dstyle.color=never -f "$MODELKEY_HOME/pom.xml" -pl lib compile >&2
  fi
  if [ ! -s "$cp_file" ] || [ "$MODELKEY_HOME/lib/pom.xml" -nt "$cp_file" ] || [ "$MODELKEY_HOME/pom.xml" -nt "$cp_file" ]; then
    mvn -B -q -o -Dstyle.color=never -f "$MODELKEY_HOME/pom.xml" -pl lib dependency:build-classpath \
        -Dmdep.outputFile="$cp_file" >&2
  fi
  java -Dai.djl.offline=true -cp "$target/classes:$(cat "$cp_file")" "$main" "$@"
}
