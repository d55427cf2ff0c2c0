class CreateThings < ActiveRecord::Migration[7.1]
  def change
    create_table :things
  end
end
