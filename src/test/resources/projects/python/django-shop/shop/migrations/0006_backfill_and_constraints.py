from django.db import migrations, models


def backfill_status(apps, schema_editor):
    Order = apps.get_model("shop", "Order")
    Order.objects.filter(status="").update(status="new")
    schema_editor.execute("UPDATE shop_customer SET loyalty_points = 0")


class Migration(migrations.Migration):

    dependencies = [
        ("shop", "0005_order_status_index"),
    ]

    operations = [
        migrations.RunPython(backfill_status),
        migrations.RunSQL(
            sql=[
                "CREATE INDEX shop_orders_paid_idx ON shop_orders (created_at) WHERE status = 'paid'",
                ("UPDATE shop_orders SET comment = %s WHERE comment IS NULL", [""]),
            ],
            reverse_sql=[
                "DROP INDEX shop_orders_paid_idx",
            ],
        ),
        migrations.AddConstraint(
            model_name="order",
            constraint=models.CheckConstraint(check=models.Q(("total__gte", 0)), name="order_total_gte_0"),
        ),
        migrations.AlterUniqueTogether(
            name="product",
            unique_together={("name", "price")},
        ),
    ]
