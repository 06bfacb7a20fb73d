export { createRedisEventBus, type RedisEventBusOptions } from "./redis-event-bus"
export { createRedisRunQueue, DEFAULT_USER_CONCURRENCY, type RedisRunQueueOptions } from "./redis-run-queue"
export { createRedisRunWorker, type RedisRunWorkerOptions } from "./redis-run-worker"
export { DEFAULT_REDIS_PREFIX, type RedisTarget } from "./redis-connection"
