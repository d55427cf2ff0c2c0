#!/usr/bin/env bash
# Times `db-migrate validate` on generated Alembic and Django projects (Python migration reading,
# parsing, Django project state, schema replay) and prints wall and CPU time (the CPU time is
# the stable number on a shared machine). Usage: bench/python-migrations.sh [N] (default 500)
# Needs target/db-migrate.jar (mvn -B -o -q package -DskipTests) and python3.
set -euo pipefail
N=${1:-500}
JAR=$(cd "$(dirname "$0")/.." && pwd)/target/db-migrate.jar
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
python3 - "$WORK" "$N" <<'PY'
import os, sys
work, n = sys.argv[1], int(sys.argv[2])
# Alembic: a linear chain of n revisions
a = os.path.join(work, "alembic-big"); v = os.path.join(a, "alembic", "versions"); os.makedirs(v)
open(os.path.join(a, "alembic.ini"), "w").write("[alembic]\nscript_location = alembic\nsqlalchemy.url = postgresql://x@localhost/x\n")
open(os.path.join(a, ".db-migrate.yml"), "w").write("tool: alembic\n")
prev = None
for i in range(n):
    rev = "r%05d" % i
    t = "t%d" % (i // 5)
    if i % 5 == 0:
        body = ('    op.create_table("%s", sa.Column("id", sa.BigInteger(), primary_key=True),\n'
                '                    sa.Column("name", sa.String(100), nullable=False))\n') % t
    else:
        body = ('    op.add_column("%s", sa.Column("c%d", sa.Integer(), nullable=True))\n'
                '    op.create_index("ix_%s_c%d", "%s", ["c%d"])\n') % (t, i, t, i, t, i)
    open(os.path.join(v, "%s_step.py" % rev), "w").write(
        '"""step %d"""\nfrom alembic import op\nimport sqlalchemy as sa\n\nrevision = "%s"\ndown_revision = %s\n\n\n'
        'def upgrade():\n%s\n\ndef downgrade():\n    pass\n' % (i, rev, repr(prev), body))
    prev = rev
# Django: two apps, n migrations in all, the second app pointing at the first
d = os.path.join(work, "django-big"); os.makedirs(d)
open(os.path.join(d, "manage.py"), "w").write('import os\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "settings")\n')
open(os.path.join(d, "settings.py"), "w").write('DATABASES = {"default": {"ENGINE": "django.db.backends.postgresql"}}\n')
open(os.path.join(d, ".db-migrate.yml"), "w").write("tool: django\n")
for app in ("core", "sales"):
    os.makedirs(os.path.join(d, app, "migrations"))
    open(os.path.join(d, app, "__init__.py"), "w").close()
    open(os.path.join(d, app, "migrations", "__init__.py"), "w").close()
half = n // 2
for app in ("core", "sales"):
    for i in range(1, half + 1):
        deps = [] if i == 1 else [(app, "%04d_m" % (i - 1))]
        if app == "sales" and i == 1: deps.append(("core", "0001_m"))
        if i == 1:
            fields = '("id", models.BigAutoField(primary_key=True, serialize=False)), ("name", models.CharField(max_length=100))'
            if app == "sales": fields += ', ("item", models.ForeignKey(on_delete=models.CASCADE, to="core.item"))'
            op = 'migrations.CreateModel(name="Item", fields=[%s])' % fields
        elif i % 3 == 0:
            op = 'migrations.AlterField(model_name="item", name="f%d", field=models.IntegerField(null=True, db_index=True))' % (i - 1)
        else:
            op = 'migrations.AddField(model_name="item", name="f%d", field=models.IntegerField(null=True))' % i
        open(os.path.join(d, app, "migrations", "%04d_m.py" % i), "w").write(
            "from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n"
            "    dependencies = %r\n    operations = [%s]\n" % (deps, op))
PY
run() {
  local label=$1; shift
  local t
  t=$( { TIMEFORMAT='%R %U %S'; time java -jar "$JAR" "$@" --format json > /dev/null 2>&1 || true; } 2>&1 )
  read -r real user sys <<< "$t"
  printf '%-46s wall %6ss  cpu %6ss\n' "$label" "$real" "$(echo "$user + $sys" | bc)"
}
A="$WORK/alembic-big"; D="$WORK/django-big"
run "alembic: validate all $N revisions" validate "$A" --project "$A"
run "alembic: validate the last revision" validate "$(ls "$A"/alembic/versions/*.py | tail -1)" --project "$A"
run "django: validate all $N migrations (2 apps)" validate "$D" --project "$D"
run "django: validate the last migration" validate "$D/sales/migrations/$(printf '%04d' $((N / 2)))_m.py" --project "$D"
