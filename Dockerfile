# One image recipe for every process of the system; MODULE picks which one.
#   docker build --build-arg MODULE=adhesion-service -t centrale/adhesion-service .
FROM eclipse-temurin:17-jdk AS build
ARG MODULE
WORKDIR /src
COPY . .
RUN ./mvnw -B -q -pl ${MODULE} -am -DskipTests package

FROM eclipse-temurin:17-jre
ARG MODULE
# curl for the compose healthchecks
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
RUN useradd --system --uid 10001 centrale && mkdir -p /data && chown centrale /data
COPY --from=build /src/${MODULE}/target/${MODULE}.jar /app/app.jar
USER centrale
ENV CENTRALE_DATA_DIR=/data JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
