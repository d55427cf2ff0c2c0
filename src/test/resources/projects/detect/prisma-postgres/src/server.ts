import Fastify from "fastify";
import { PrismaClient } from "@prisma/client";

const prisma = new PrismaClient();
const app = Fastify();
app.get("/users", async () => prisma.user.findMany());
app.listen({ port: 3000 });
