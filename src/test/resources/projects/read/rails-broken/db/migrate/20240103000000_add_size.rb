class AddSizeToThings < ActiveRecord::Migration[7.1]
  def change
    add_column :things, :size, :integer
  end
end
