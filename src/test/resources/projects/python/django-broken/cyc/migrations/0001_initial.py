from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [("cyc", "0002_second")]

    operations = [
    ]
