import dj_database_url

INSTALLED_APPS = ["django.contrib.contenttypes", "polls"]
DATABASES = {
    "default": dj_database_url.config(
        default="mysql://polls:hunter2@localhost:3306/polls",
        conn_max_age=600,
    )
}
