from django.contrib.postgres.operations import AddIndexConcurrently
from django.db import migrations, models


class Migration(migrations.Migration):

    atomic = False

    dependencies = [
        ("shop", "0004_rename_note_order_comment_alter_customer_name"),
    ]

    operations = [
        AddIndexConcurrently(
            model_name="order",
            index=models.Index(fields=["status", "-created_at"], name="shop_order_status_idx"),
        ),
    ]
