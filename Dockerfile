# syntax=docker/dockerfile:1
# One image recipe for every p2pnet service: docker build --build-arg MODULE=tracker-service .
ARG MODULE=rendezvous-server

FROM eclipse-temurin:25-jdk AS build
ARG MODULE
WORKDIR /src
# gcc builds shared-model's native MD4 (src/main/c); without it the Java code is used
RUN apt-get update && apt-get install -y --no-install-recommends gcc libc6-dev && rm -rf /var/lib/apt/lists/*
COPY . .
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -ntp -DskipTests -pl ${MODULE} -am package \
 && cp ${MODULE}/target/${MODULE}.jar /app.jar \
 && java -Djarmode=tools -jar /app.jar extract --layers --destination /extracted

FROM eclipse-temurin:25-jre
ARG MODULE
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --home-dir /var/lib/p2pnet --create-home p2pnet
WORKDIR /opt/p2pnet
# Layers from least to most often changed, so a code change rebuilds only the last one.
COPY --from=build /extracted/dependencies/ ./
COPY --from=build /extracted/spring-boot-loader/ ./
COPY --from=build /extracted/snapshot-dependencies/ ./
COPY --from=build /extracted/application/ ./
# JVM options shared with ./p2pnet and the systemd units; an AOT cache trained by one start of the
# context at build time (deploy/aot-cache.sh), used with the same options at every start.
COPY deploy/jvm.options deploy/aot-cache.sh ./
RUN ./aot-cache.sh ${MODULE} app.jar /opt/p2pnet
USER p2pnet
ENV P2PNET_DATA_DIR=/var/lib/p2pnet/data \
    SERVER_PORT=8080
VOLUME /var/lib/p2pnet
HEALTHCHECK --interval=15s --timeout=3s --start-period=60s --retries=3 \
  CMD curl -fsS "http://127.0.0.1:${MANAGEMENT_SERVER_PORT:-$SERVER_PORT}/actuator/health" || exit 1
ENTRYPOINT ["java", "@/opt/p2pnet/jvm.options", "-XX:AOTCache=/opt/p2pnet/app.aot", "-jar", "/opt/p2pnet/app.jar"]
