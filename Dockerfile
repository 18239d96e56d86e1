# One image per service, built from the repository:
#   docker build --build-arg SERVICE=scenario-service -t scenariohub/scenario-service:0.1.0 .
# SERVICE is one of identity-service, scenario-service, enterprise-service,
# notification-service, gateway, console.
FROM eclipse-temurin:17-jdk AS build
ARG SERVICE
WORKDIR /src
COPY . .
RUN ./mvnw -B -q -DskipTests package -pl "${SERVICE}" -am

FROM eclipse-temurin:17-jre
ARG SERVICE
RUN groupadd --system --gid 10001 app && useradd --system --uid 10001 --gid app app
COPY --from=build /src/${SERVICE}/target/${SERVICE}.jar /tmp/app.jar
# Application class-data sharing: the jar is extracted (classes in nested jars cannot be
# archived), and a training run that stops once the application context is refreshed writes
# the archive every start then maps (bench/startup.sh measures the gain). The demo profile only
# lets identity-service start without its signing key here; nothing of this run is kept but
# the archive.
RUN java -Djarmode=tools -jar /tmp/app.jar extract --destination /app && rm /tmp/app.jar \
 && (cd /app && SPRING_PROFILES_ACTIVE=demo java -XX:ArchiveClassesAtExit=/app/app.jsa \
      -Dspring.context.exit=onRefresh -jar /app/app.jar > /dev/null 2>&1 \
     || echo "no class-data archive: the service starts without it")
USER 10001:10001
# MetaspaceSize: a service loads 45-115 MB of classes; below this mark, each time it grows past
# the last one (21 MB at first) the JVM collects its whole heap (0.7-1.2 s seen under load)
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:MetaspaceSize=160m -Djava.io.tmpdir=/tmp"
ENTRYPOINT ["java", "-XX:SharedArchiveFile=/app/app.jsa", "-jar", "/app/app.jar"]
