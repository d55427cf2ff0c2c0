class CreateAccounts < ActiveRecord::Migration[7.1]
  def change
    create_table :accounts do |t|
      t.string :name, null: false, limit: 100
      t.string :plan, default: "free"
      t.boolean :active, null: false, default: true
      t.decimal :balance, precision: 12, scale: 2
      t.jsonb :settings, null: false, default: {}
      t.timestamps
    end

    create_table :users, id: :uuid do |t|
      t.references :account, null: false, foreign_key: { on_delete: :cascade }
      t.string :email, null: false
      t.datetime :last_seen_at
      t.index :email, unique: true
      t.timestamps
    end
  end
end
