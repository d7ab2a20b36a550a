# The Academy4PA worker as a Cloud Run job: `npm run worker -- <job> [options]` from Node 20, with the
# production dependencies only (googleapis, tsx and the core's own). Parallel tasks split the courses
# through CLOUD_RUN_TASK_INDEX and CLOUD_RUN_TASK_COUNT, which Cloud Run sets. See README, "Cloud worker".
FROM node:20-slim
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force
COPY tsconfig.json ./
COPY src/core ./src/core
COPY src/worker ./src/worker
USER node
ENTRYPOINT ["node", "--import", "tsx", "src/worker/cli.ts"]
CMD ["--help"]
