SET statement_timeout = 0;
CREATE TABLE public.users (id bigint NOT NULL);
