use sqlx::sqlite::SqlitePoolOptions;

#[tokio::main]
async fn main() -> Result<(), sqlx::Error> {
    let pool = SqlitePoolOptions::new().connect("sqlite://todos.db").await?;
    sqlx::migrate!("./migrations").run(&pool).await?;
    Ok(())
}
