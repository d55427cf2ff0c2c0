from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [("cyc", "0001_initial")]

    operations = [
    ]
