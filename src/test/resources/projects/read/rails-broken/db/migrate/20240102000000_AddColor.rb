class AddColor < ActiveRecord::Migration[7.1]
  def change
    add_column :things, :color, :string
  end
end
