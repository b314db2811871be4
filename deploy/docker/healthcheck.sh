#!/bin/bash
# Container health check: the application's readiness group (UP once it has started and accepts
# requests), over plain HTTP with bash alone — the JRE image has no curl.
# HEALTH_PORT (default PORT, then 8080) and HEALTH_PATH override what is asked.
exec 3<>"/dev/tcp/127.0.0.1/${HEALTH_PORT:-${PORT:-8080}}" || exit 1
printf 'GET %s HTTP/1.0\r\nHost: localhost\r\n\r\n' "${HEALTH_PATH:-/actuator/health/readiness}" >&3
grep -q '"status":"UP"' <&3
