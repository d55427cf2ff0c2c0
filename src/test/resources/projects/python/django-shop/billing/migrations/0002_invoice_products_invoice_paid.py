from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("billing", "0001_initial"),
        ("shop", "0006_backfill_and_constraints"),
    ]

    operations = [
        migrations.AddField(
            model_name="invoice",
            name="products",
            field=models.ManyToManyField(to="shop.product"),
        ),
        migrations.AddField(
            model_name="invoice",
            name="paid",
            field=models.BooleanField(default=False),
        ),
        migrations.AlterModelTable(
            name="invoice",
            table="billing_invoices",
        ),
        migrations.RemoveField(
            model_name="invoice",
            name="issued_on",
        ),
    ]
