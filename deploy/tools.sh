# Runs a class of the operator tools module (deploy/tools), building it and its classpath when missing.
# Sourced by deploy/pki.sh, deploy/audit-verify.sh and deploy/local/start.sh (the simulators' signing extension).
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# tools_classpath: prints the tools' classes and runtime dependencies, building them first when missing
tools_classpath() {
  local cp_file="$ROOT/deploy/tools/target/tools.classpath"
  if [[ ! -f "$ROOT/deploy/tools/target/classes/org/singlewindow/tools/SimulatorSigning.class" || ! -f "$cp_file" \
        || "$ROOT/pom.xml" -nt "$cp_file" || "$ROOT/security/pom.xml" -nt "$cp_file" \
        || "$ROOT/deploy/tools/pom.xml" -nt "$cp_file" ]]; then
    (cd "$ROOT" && mvn -B -q -DskipTests -pl deploy/tools -am install >/dev/null \
      && mvn -B -q -pl deploy/tools dependency:build-classpath -Dmdep.includeScope=runtime \
        -Dmdep.outputFile="$cp_file" >/dev/null && touch "$cp_file") # the plugin leaves an unchanged file as it was
  fi
  echo "$ROOT/deploy/tools/target/classes:$(cat "$cp_file")"
}

# run_tool <main-class> [args...]
run_tool() {
  local main=$1 cp
  shift
  cp=$(tools_classpath)
  exec java -cp "$cp" "$main" "$@"
}

# partner_classpath: the partner window simulator (deploy/local/partner-window) and its runtime dependencies
partner_classpath() {
  local module="$ROOT/deploy/local/partner-window" cp_file="$ROOT/deploy/local/partner-window/target/partner.classpath"
  if [[ ! -f "$module/target/classes/org/singlewindow/partnerwindow/PartnerWindow.class" || ! -f "$cp_file" \
        || "$module/pom.xml" -nt "$cp_file" ]]; then
    (cd "$ROOT" && mvn -B -q -DskipTests -pl deploy/local/partner-window -am install >/dev/null \
      && mvn -B -q -pl deploy/local/partner-window dependency:build-classpath -Dmdep.includeScope=runtime \
        -Dmdep.outputFile="$cp_file" >/dev/null && touch "$cp_file")
  fi
  echo "$module/target/classes:$(cat "$cp_file")"
}
