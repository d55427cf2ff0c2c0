-- migrate:up transaction:false
ALTER TYPE user_role ADD VALUE 'auditor';

-- migrate:down
-- enum values cannot be removed
