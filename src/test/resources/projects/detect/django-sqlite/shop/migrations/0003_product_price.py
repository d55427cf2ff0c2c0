from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("shop", "0002_product_sku"),
    ]

    operations = [
        migrations.AddField(
            model_name="product",
            name="price",
            field=models.CharField(blank=True, default="", max_length=200),
        ),
    ]
