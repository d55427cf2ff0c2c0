from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [("blog", "0001_initial")]

    operations = [
        migrations.AddField(model_name="post", name="body", field=models.TextField(null=True)),
        migrations.RunSQL("UPDATE blog_post SET body = title"),
        ShardAwareOperation("blog_post"),
    ]
