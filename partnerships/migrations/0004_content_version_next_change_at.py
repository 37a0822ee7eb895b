from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("partnerships", "0003_partners"),
    ]

    operations = [
        migrations.AddField(
            model_name="contentversion",
            name="next_change_at",
            field=models.DateTimeField(null=True),
        ),
    ]
