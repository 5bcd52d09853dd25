# The API and the built web client in one image, for docker-compose.yml.
FROM node:20-bookworm-slim AS build
WORKDIR /app
RUN npm i -g -E pnpm@12.4.2
COPY . .
RUN pnpm install --frozen-lockfile && pnpm build

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000
COPY --from=build /app /app
USER node
EXPOSE 3000
CMD ["node", "apps/api/dist/server.js"]
