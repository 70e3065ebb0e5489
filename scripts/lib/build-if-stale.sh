# Sourced by the scripts (from the repository root): the one "build if stale" rule.
#   jar_stale JAR         true if JAR is missing, or the parent pom or any module's pom.xml or src/ is newer
#                         (any change anywhere counts: conservative, and never a stale jar)
#   build_if_stale MODULE JAR
#                         when JAR is stale, builds MODULE and the modules it needs (mvn install -pl MODULE -am),
#                         printing the command on stderr
jar_stale() {
  [ ! -f "$1" ] || [ -n "$(find pom.xml ./*/pom.xml ./*/src -newer "$1" -print -quit 2>/dev/null)" ]
}

build_if_stale() {
  local module=$1 jar=$2
  if jar_stale "$jar"; then
    echo "+ mvn -B -ntp -q install -DskipTests -pl $module -am" >&2
    mvn -B -ntp -q install -DskipTests -pl "$module" -am >&2
  fi
}
