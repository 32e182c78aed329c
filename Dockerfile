# syntax=docker/dockerfile:1
# SyncDashboard: build with the .NET 10 SDK, run on the ASP.NET Core runtime.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY Directory.Build.props Directory.Packages.props SyncDashboard.sln appsettings.json ./
COPY .config/ .config/
COPY SyncDashboard/SyncDashboard.csproj SyncDashboard/
RUN dotnet restore SyncDashboard/SyncDashboard.csproj
COPY SyncDashboard/ SyncDashboard/
RUN dotnet publish SyncDashboard/SyncDashboard.csproj -c Release -o /app --no-restore

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app ./
# The embedded SQLite database lives here; mount a volume to keep it across containers.
RUN mkdir -p /app/data && chown -R app:app /app/data
VOLUME /app/data
USER app
ENV ASPNETCORE_URLS=http://+:8080 \
    ASPNETCORE_ENVIRONMENT=Production
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=15s --start-period=60s --retries=3 CMD ["dotnet", "SyncDashboard.dll", "healthcheck"]
ENTRYPOINT ["dotnet", "SyncDashboard.dll"]
