from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [("blog", "0009_does_not_exist")]

    operations = [
        migrations.CreateModel(name="Note", fields=[("id", models.AutoField(primary_key=True, serialize=False))]),
    ]
