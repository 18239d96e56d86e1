# One image per service, built from the repository:
#   docker build --build-arg SERVICE=scenario-service -t scenariohub/scenario-service:0.1.0 .
# SERVICE is one of identity-service, scenario-service, enterprise-service,
# notification-service, gateway.
FROM eclipse-temurin:17-jdk AS build
ARG SERVICE
WORKDIR /src
COPY . .
RUN ./mvnw -B -q -DskipTests package -pl "${SERVICE}" -am

FROM eclipse-temurin:17-jre
ARG SERVICE
RUN groupadd --system --gid 10001 app && useradd --system --uid 10001 --gid app app
COPY --from=build /src/${SERVICE}/target/${SERVICE}.jar /app/app.jar
USER 10001:10001
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -Djava.io.tmpdir=/tmp"
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
