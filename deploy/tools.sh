# Runs a class of the operator tools module (deploy/tools), building it and its classpath when missing.
# Sourced by deploy/pki.sh and deploy/audit-verify.sh; usage: run_tool <main-class> [args...]
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
run_tool() {
  local main=$1 cp_file="$ROOT/deploy/tools/target/tools.classpath"
  shift
  if [[ ! -f "$ROOT/deploy/tools/target/classes/${main//.//}.class" || ! -f "$cp_file" ]]; then
    (cd "$ROOT" && mvn -B -q -DskipTests -pl deploy/tools -am install >/dev/null \
      && mvn -B -q -pl deploy/tools dependency:build-classpath -Dmdep.outputFile="$cp_file" >/dev/null)
  fi
  exec java -cp "$ROOT/deploy/tools/target/classes:$(cat "$cp_file")" "$main" "$@"
}
