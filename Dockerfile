# The web app and the scoring API (`serve`) in a container. Not built by our CI: our machines have no container
# engine (see README, "The web app and the scoring API").
#   docker build -t segmentation .
#   docker run -p 127.0.0.1:8080:8080 -e SEGMENTATION_API_KEY=... -v segmentation-runs:/data segmentation
# Bound to 0.0.0.0 inside the container, the app refuses to start without SEGMENTATION_API_KEY (16+ characters).

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Restore first, on the project files alone, so that a change of code reuses the restored packages' layer.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/Segmentation/Segmentation.csproj src/Segmentation/
COPY src/Segmentation.Reporting/Segmentation.Reporting.csproj src/Segmentation.Reporting/
COPY src/Segmentation.Web/Segmentation.Web.csproj src/Segmentation.Web/
COPY src/Segmentation.Cli/Segmentation.Cli.csproj src/Segmentation.Cli/
RUN dotnet restore src/Segmentation.Cli/Segmentation.Cli.csproj
COPY src/ src/
RUN dotnet publish src/Segmentation.Cli/Segmentation.Cli.csproj -c Release --no-restore -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
# Runs are saved under /data (a volume), with their history; the image's non-root user owns it.
RUN mkdir -p /data/runs && chown -R "$APP_UID" /data
VOLUME /data
USER $APP_UID
EXPOSE 8080
# The runtime image has no curl: bash's /dev/tcp asks /health and looks for its "ok".
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /health HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && grep -q '\"status\":\"ok\"' <&3"]
ENTRYPOINT ["dotnet", "Segmentation.Cli.dll", "serve", "--address", "0.0.0.0", "--port", "8080", "--runs", "/data/runs"]
